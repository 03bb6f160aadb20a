import { HttpContextToken } from '@angular/common/http';

/** Set on a request's HttpContext to send it without the access token and without 401 handling. */
export const SKIP_AUTH = new HttpContextToken<boolean>(() => false);
