import Keycloak from 'keycloak-js';
import type { ClientConfig } from '../api/types';

const RETURN_TO = 'artmint.returnTo';
// set while this browser has a Keycloak session, so anonymous visitors are never sent through a check-sso redirect
const SIGNED_IN = 'artmint.signedIn';

type Listener = () => void;

/**
 * Sign-in with the real Keycloak: authorization code + PKCE (S256), tokens kept in memory only, refreshed before
 * API calls. Keycloak redirects back to the origin's root alone (the realm allows exact URIs only); the page to
 * return to is kept in session storage and restored before the router starts.
 */
class Auth {
  private keycloak?: Keycloak;
  private listeners = new Set<Listener>();

  get authenticated(): boolean {
    return this.keycloak?.authenticated === true;
  }

  get roles(): string[] {
    return this.keycloak?.tokenParsed?.realm_access?.roles ?? [];
  }

  hasRole(role: string): boolean {
    return this.roles.includes(role);
  }

  get username(): string | undefined {
    return this.keycloak?.tokenParsed?.preferred_username as string | undefined;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async init(config: ClientConfig): Promise<void> {
    const split = config.oidc.url.indexOf('/realms/');
    this.keycloak = new Keycloak({
      url: config.oidc.url.substring(0, split),
      realm: config.oidc.url.substring(split + '/realms/'.length).replace(/\/$/, ''),
      clientId: config.oidc.clientId,
    });
    this.keycloak.onAuthLogout = () => this.changed();
    this.keycloak.onAuthRefreshError = () => this.changed();
    const returning = /[#&?](state|error)=/.test(window.location.href);
    const remembered = localStorage.getItem(SIGNED_IN) === '1';
    if (remembered && !returning) {
      sessionStorage.setItem(RETURN_TO, currentPath());
    }
    try {
      await this.keycloak.init({
        onLoad: remembered || returning ? 'check-sso' : undefined,
        pkceMethod: 'S256',
        checkLoginIframe: false,
        responseMode: 'fragment',
        redirectUri: rootUri(),
      });
    } catch {
      // an unreachable identity provider leaves the visitor anonymous; the public pages still work
    }
    if (this.authenticated) {
      localStorage.setItem(SIGNED_IN, '1');
    } else {
      localStorage.removeItem(SIGNED_IN);
    }
    const returnTo = sessionStorage.getItem(RETURN_TO);
    if (returnTo !== null && (returning || remembered)) {
      sessionStorage.removeItem(RETURN_TO);
      window.history.replaceState(null, '', returnTo);
    }
  }

  /** Sends the browser to Keycloak's login form; it comes back to the page it left. */
  signIn(returnTo: string = currentPath()): void {
    sessionStorage.setItem(RETURN_TO, returnTo);
    void this.keycloak?.login({ redirectUri: rootUri() });
  }

  /** Ends the Keycloak session, not just this tab's tokens. */
  signOut(): void {
    localStorage.removeItem(SIGNED_IN);
    void this.keycloak?.logout({ redirectUri: rootUri() });
  }

  /** A token valid for at least 30 more seconds, or undefined when nobody is signed in. */
  async freshToken(): Promise<string | undefined> {
    if (!this.keycloak?.authenticated) return undefined;
    try {
      await this.keycloak.updateToken(30);
    } catch {
      this.changed();
      return undefined;
    }
    return this.keycloak.token;
  }

  private changed(): void {
    this.listeners.forEach((listener) => listener());
  }
}

function currentPath(): string {
  return window.location.pathname + window.location.search;
}

function rootUri(): string {
  return window.location.origin + '/';
}

export const auth = new Auth();
