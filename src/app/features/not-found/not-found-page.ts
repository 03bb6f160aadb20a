import { Component } from '@angular/core';
import { AppLink } from '../../shared/ui/app-link';

@Component({
  selector: 'app-not-found-page',
  imports: [AppLink],
  template: `
    <h1>Page not found</h1>
    <p>There is no page at this address. It may have moved, or the link may be mistyped.</p>
    <p><a appLink="/">Go to your dashboard</a></p>
  `,
})
export class NotFoundPage {}
