import { useSyncExternalStore } from 'react';
import { auth } from './auth';

/** The sign-in state, re-rendered when Keycloak signs the user out or a refresh fails. */
export function useAuth() {
  const authenticated = useSyncExternalStore(
    (listener) => auth.subscribe(listener),
    () => auth.authenticated,
  );
  return {
    authenticated,
    username: auth.username,
    hasRole: (role: string) => auth.hasRole(role),
    signIn: (returnTo?: string) => auth.signIn(returnTo),
    signOut: () => auth.signOut(),
  };
}
