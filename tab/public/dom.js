// Small DOM helpers shared by the tab's modules.

const THEMES = ['default', 'dark', 'contrast'];

export const $ = (id) => document.getElementById(id);

/** An element with attributes (text and className are properties) and children (falsy ones skipped). */
export function el(tag, attrs, children) {
  const node = document.createElement(tag);
  Object.keys(attrs || {}).forEach((key) => {
    if (key === 'text') node.textContent = attrs[key];
    else if (key === 'className') node.className = attrs[key];
    else node.setAttribute(key, attrs[key]);
  });
  (children || []).forEach((child) => {
    if (child) node.appendChild(child);
  });
  return node;
}

export function setTheme(theme) {
  document.documentElement.dataset.theme = THEMES.indexOf(theme) >= 0 ? theme : 'default';
}

export function notice(text, isError) {
  const box = $('melding');
  box.textContent = text;
  box.className = isError ? 'notice error' : 'notice';
  box.hidden = false;
}
