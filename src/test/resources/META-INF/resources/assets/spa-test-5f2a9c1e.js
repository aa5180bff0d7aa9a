// A stand-in for a hashed bundle of the web app, large enough that compression is worth it.
const routes = ["/studio", "/gallery", "/market", "/creators", "/artworks", "/wallet", "/settings"];
export function route(path) {
  return routes.find((prefix) => path === prefix || path.startsWith(prefix + "/")) ?? "/";
}
export const greeting = "ArtMint test bundle: routes " + routes.join(", ") + "; routes " + routes.join(", ");
