import { Component } from '@angular/core';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'app-forbidden-page',
  imports: [RouterLink],
  template: `
    <h1 i18n="@@forbidden.heading">You don't have access to this page</h1>
    <p i18n="@@forbidden.text">
      Your account doesn't have the role this page needs. If you think it should, ask an
      administrator.
    </p>
    <p><a routerLink="/" i18n="@@common.toDashboard">Go to your dashboard</a></p>
  `,
})
export class ForbiddenPage {}
