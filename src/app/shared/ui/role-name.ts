import { Component, input } from '@angular/core';

/** A role as the API names it (`admin`, `user`), in the app's language; other roles as they are. */
@Component({
  selector: 'app-role-name',
  template: `<ng-container i18n="The name of a user's role@@role.name">{role(), select,
    admin {admin}
    user {user}
    other {{{ role() }}}
  }</ng-container>`,
})
export class RoleName {
  readonly role = input.required<string>();
}
