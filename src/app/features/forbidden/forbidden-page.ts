import { Component } from '@angular/core';
import { AppLink } from '../../shared/ui/app-link';

@Component({
  selector: 'app-forbidden-page',
  imports: [AppLink],
  template: `
    <h1>You don't have access to this page</h1>
    <p>
      Your account doesn't have the role this page needs. If you think it should, ask an
      administrator.
    </p>
    <p><a appLink="/">Go to your dashboard</a></p>
  `,
})
export class ForbiddenPage {}
