import { Component } from '@angular/core';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'app-not-found-page',
  imports: [RouterLink],
  template: `
    <h1 i18n="@@notFound.heading">Page not found</h1>
    <p i18n="@@notFound.text">
      There is no page at this address. It may have moved, or the link may be mistyped.
    </p>
    <p><a routerLink="/" i18n="@@common.toDashboard">Go to your dashboard</a></p>
  `,
})
export class NotFoundPage {}
