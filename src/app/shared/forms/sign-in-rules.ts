import {
  type SchemaFn,
  emailError,
  required,
  requiredError,
  validate,
} from '@angular/forms/signals';
import { isEmail } from './field-rules';

export interface SignInModel {
  email: string;
  password: string;
}

/** The rules of every sign-in form (the login page and the re-login dialog). */
export const signInSchema: SchemaFn<SignInModel> = (field) => {
  validate(field.email, ({ value }) => {
    const email = value().trim();
    if (email === '') {
      return requiredError({
        message: $localize`:@@signIn.emailRequired:Enter your email address.`,
      });
    }
    return isEmail(email)
      ? undefined
      : emailError({
          message: $localize`:@@signIn.emailInvalid:Enter an email address like name@example.com.`,
        });
  });
  required(field.password, {
    message: $localize`:@@signIn.passwordRequired:Enter your password.`,
  });
};
