/**
 * XSS detection in the manner of libinjection's `libinjection_xss`, used by @detectXSS.
 * No maintained Node library exists for libinjection, so this is our own implementation:
 * the input is run through an HTML5 tokenizer (html5-tokenizer.ts) from five starting
 * states (text, and inside an unquoted, '…', "…" or `…` attribute value) and is flagged when
 * any pass sees
 *  - a tag that runs script or loads active content (script, iframe, object, embed, svg, style…);
 *  - an event-handler attribute with a value (onerror=…), from a list of DOM event names;
 *  - a style / srcdoc / formaction-like attribute with a value;
 *  - a URL attribute whose value (after character-reference decoding and removal of the
 *    whitespace browsers ignore) uses javascript:, vbscript:, livescript: or a non-image data: URL;
 *  - an IE conditional comment or an XML processing instruction that imports code.
 * The tag and event lists are our own enumeration, not libinjection's tables.
 */
import { scanHtml5, type Html5Event, type Html5Start } from './html5-tokenizer.js';

/** Tags that execute script or embed active/foreign content. */
const DANGEROUS_TAGS = new Set([
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'style', 'link', 'meta', 'base',
  'svg', 'math', 'xml', 'vmlframe', 'isindex', 'animate', 'animatetransform', 'animatemotion', 'set',
  'handler', 'listener', 'portal', 'import', 'bgsound', 'layer', 'ilayer',
]);

/** DOM event names (attribute = "on" + name). Our own list of widely supported events. */
const EVENTS = new Set(`
abort activate afterprint animationend animationiteration animationstart auxclick beforecopy beforecut
beforeinput beforepaste beforeprint beforetoggle beforeunload begin blur bounce cancel canplay canplaythrough
change click close contextmenu copy cuechange cut dblclick drag dragend dragenter dragleave dragover
dragstart drop durationchange emptied end ended error finish focus focusin focusout formdata fullscreenchange
hashchange input invalid keydown keypress keyup load loadeddata loadedmetadata loadend loadstart message
mousedown mouseenter mouseleave mousemove mouseout mouseover mouseup mousewheel offline online pagehide
pageshow paste pause play playing pointercancel pointerdown pointerenter pointerleave pointermove pointerout
pointerover pointerrawupdate pointerup popstate progress ratechange readystatechange repeat reset resize
scroll scrollend search securitypolicyviolation seeked seeking select selectionchange selectstart show
stalled start storage submit suspend timeupdate toggle touchcancel touchend touchmove touchstart
transitioncancel transitionend transitionrun transitionstart unload volumechange waiting wheel
webkitanimationend webkitanimationstart webkittransitionend zoom`.split(/\s+/).filter((w) => w !== ''));

/** Attributes whose value is a URL (or a list of animation values that may become one). */
const URL_ATTRS = new Set([
  'href', 'src', 'action', 'formaction', 'data', 'codebase', 'background', 'lowsrc', 'dynsrc', 'poster',
  'xlink:href', 'to', 'from', 'values', 'by', 'cite', 'longdesc', 'usemap', 'manifest', 'ping', 'xmlns', 'folder',
]);

/** Attributes that are dangerous with any value. */
const DANGEROUS_ATTRS = new Set(['style', 'srcdoc', 'attributename', 'xmlns:xlink', 'seeksegmenttime']);

const NAMED_REFS: Readonly<Record<string, string>> = {
  colon: ':', tab: '\t', newline: '\n', lpar: '(', rpar: ')', sol: '/', amp: '&', quot: '"', apos: "'", lt: '<', gt: '>',
};

/** Decodes numeric and the few named character references that matter for scheme detection. */
function decodeRefs(v: string): string {
  return v.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);?/g, (m, body: string) => {
    if (body.startsWith('#')) {
      const n = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return n > 0 && n < 0x110000 ? String.fromCodePoint(n) : '';
    }
    return NAMED_REFS[body.toLowerCase()] ?? m;
  });
}

/**
 * True when a URL-ish value uses a script scheme. Browsers strip leading control/space
 * bytes and ignore tab/CR/LF anywhere in the scheme (WHATWG URL), so we do too.
 */
function isScriptUrl(raw: string, requireBody: boolean): boolean {
  const v = decodeRefs(raw).replace(/[\x00-\x20\x7f]/g, '').toLowerCase();
  const m = /^(javascript|vbscript|livescript|data):(.*)$/s.exec(v);
  if (m === null) return false;
  const scheme = m[1] as string;
  const body = m[2] as string;
  // A bare "JavaScript:" in prose ("JavaScript: the good parts") is not a URL.
  if (requireBody && !/^[\x21-\x7e]/.test(decodeRefs(raw).replace(/^[\x00-\x20]+/, '').slice(scheme.length + 1))) return false;
  if (scheme === 'data') return !/^image\/(png|gif|jpe?g|webp|bmp|x-icon|avif)[;,]/.test(body);
  return true;
}

function isEventAttr(name: string): boolean {
  return name.startsWith('on') && EVENTS.has(name.slice(2));
}

function isDangerousTag(name: string): boolean {
  const n = name.replace(/\0/g, '');
  return DANGEROUS_TAGS.has(n) || n.startsWith('svg') || n.startsWith('xsl') || n.startsWith('?xml');
}

const STARTS: readonly Html5Start[] = ['data', 'valueUnquoted', "value'", 'value"', 'value`'];

function passFlags(input: string, start: Html5Start): boolean {
  return scanHtml5(input, start, isDangerousEvent);
}

/** True when one tokenizer event is an XSS vector. */
function isDangerousEvent(e: Html5Event): boolean {
  switch (e.kind) {
    case 'tagOpen':
      if (isDangerousTag(e.name)) return true;
      break;
    case 'attrValue':
      if (e.name === '') {
        // The value the input started in: its attribute is unknown, treat it as a URL but
        // only flag a scheme that is immediately followed by code.
        if (isScriptUrl(e.value, true)) return true;
      } else if (isEventAttr(e.name) || DANGEROUS_ATTRS.has(e.name)) {
        return true;
      } else if (URL_ATTRS.has(e.name) && isScriptUrl(e.value, false)) {
        return true;
      }
      break;
    case 'comment': {
      const v = e.value.toLowerCase();
      // IE conditional comments and <?import …> / <?xml-stylesheet …> pull in code.
      if (/^\s*\[if/.test(v) || v.startsWith('?import') || v.startsWith('?xml-stylesheet')) return true;
      break;
    }
    default:
      break;
  }
  return false;
}

export function detectXss(input: string): boolean {
  if (input.length === 0) return false;
  for (const start of STARTS) {
    // A value context only matters when the value can end: skip quote passes without that quote.
    if (start.length === 6 && !input.includes(start[5] as string)) continue;
    if (passFlags(input, start)) return true;
  }
  return false;
}
