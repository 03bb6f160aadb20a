import { Component } from '@angular/core';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'app-forbidden-page',
  imports: [RouterLink],
  template: `
    <h1>You don't have access to this page</h1>
    <p>
      Your account doesn't have the role this page needs. If you think it should, ask an
      administrator.
    </p>
    <p><a routerLink="/">Go to your dashboard</a></p>
  `,
})
export class ForbiddenPage {}
