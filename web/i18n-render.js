// The one renderer of catalogue sentences on the JavaScript side (the C++
// twin is core/i18n/render.cc): `{name}` is replaced by args[name]; a `{` not
// followed by a name and `}` is literal text. Nothing else happens: no HTML,
// no plurals (the catalogue has one id per form).
const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

export function render(template, args = {}) {
  return template.replace(PLACEHOLDER, (whole, name) =>
    Object.prototype.hasOwnProperty.call(args, name) ? String(args[name]) : whole);
}

// The placeholder names a sentence uses.
export function placeholders(template) {
  return new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]));
}
