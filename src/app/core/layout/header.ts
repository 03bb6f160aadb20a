import { Component, computed, inject } from '@angular/core';
import { AuthStore } from '../auth/auth-store';
import { AppLink } from '../../shared/ui/app-link';

@Component({
  selector: 'app-header',
  imports: [AppLink],
  templateUrl: './header.html',
  styleUrl: './header.css',
})
export class Header {
  private readonly auth = inject(AuthStore);

  protected readonly user = this.auth.user;
  protected readonly isAdmin = computed(() => this.user()?.roles.includes('admin') ?? false);

  protected signOut(): Promise<void> {
    return this.auth.logout();
  }
}
