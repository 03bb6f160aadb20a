import { Component, ElementRef, viewChild } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { ReloginDialog } from './core/auth/relogin-dialog';
import { Header } from './core/layout/header';
import { RouteProgress } from './core/layout/route-progress';

@Component({
  selector: 'app-root',
  imports: [RouterOutlet, Header, RouteProgress, ReloginDialog],
  templateUrl: './app.html',
  styleUrl: './app.css',
})
export class App {
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  // With <base href="/">, a plain href="#main" would resolve to "/#main" and leave the current page,
  // so the skip link moves focus itself.
  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
  }
}
