// The clinic demo: fetches a Direct Line token from this service's own token endpoint (the secret stays on the
// server) and renders the official Web Chat against this service's Direct Line (`{origin}/v3/directline`).
// Query options: ?lang=en|es (page and chat language), ?transport=polling (HTTP polling instead of WebSocket).
// The chat's locale is the browser's own language tag, unchanged (es-MX, es, en-GB): the bot takes a locale's country
// as a hint to where the person is, so the page never adds one the browser did not give.
(function () {
  'use strict';

  const text = {
    en: {
      skip: 'Skip to the chat',
      languageNav: 'Language',
      heading: 'A moment of kindness for yourself',
      intro: 'A short, gentle practice between your sessions. Type below or choose one of the options.',
      chatHeading: 'Chat with CompassionBot',
      connecting: 'Connecting…',
      unavailable: 'The chat is not available right now. Please try again later.',
      expired: 'This chat session has ended. Reload the page to start a new one.',
      safetyHeading: 'If you need help now',
      safety: 'This chat is not an emergency service. If you are in danger or might harm yourself, call your local emergency number now.',
      safetyLines: 'This chat is not an emergency service. For urgent help, {crisisLine}. If you are in danger or might harm yourself, {emergencyLine} now.',
      footer: 'Demo page for clinics. The chat runs on this service; nothing is sent to a third party.'
    },
    es: {
      skip: 'Ir al chat',
      languageNav: 'Idioma',
      heading: 'Un momento de amabilidad contigo',
      intro: 'Una práctica breve y amable entre tus sesiones. Escribe abajo o elige una de las opciones.',
      chatHeading: 'Chat con CompassionBot',
      connecting: 'Conectando…',
      unavailable: 'El chat no está disponible ahora. Vuelve a intentarlo más tarde.',
      expired: 'Esta sesión de chat terminó. Vuelve a cargar la página para empezar otra.',
      safetyHeading: 'Si necesitas ayuda ahora',
      safety: 'Este chat no es un servicio de emergencias. Si estás en peligro o podrías hacerte daño, llama ahora al número de emergencias de tu zona.',
      safetyLines: 'Este chat no es un servicio de emergencias. Si es urgente, {crisisLine}. Si estás en peligro o podrías hacerte daño, {emergencyLine} ahora.',
      footer: 'Página de demostración para clínicas. El chat funciona en este servicio; nada se envía a terceros.'
    }
  };

  const params = new URLSearchParams(window.location.search);
  const browserLocale = (navigator.languages && navigator.languages[0]) || navigator.language || '';
  const requested = (params.get('lang') || browserLocale || 'en').toLowerCase();
  const language = requested.startsWith('es') ? 'es' : 'en';
  // The browser's tag when it is in the page's language; else (?lang chose another) the bare language, no country.
  const locale = browserLocale.toLowerCase().split(/[-_]/)[0] === language ? browserLocale : language;
  const strings = text[language];

  document.documentElement.lang = language;
  document.querySelectorAll('[data-i18n]').forEach(function (element) {
    element.textContent = strings[element.dataset.i18n];
  });
  document.querySelectorAll('[data-i18n-label]').forEach(function (element) {
    element.setAttribute('aria-label', strings[element.dataset.i18nLabel]);
  });
  document.querySelectorAll('.languages a').forEach(function (link) {
    const target = new URLSearchParams(params);
    target.set('lang', link.getAttribute('hreflang'));
    link.search = target.toString();
    if (link.getAttribute('hreflang') === language) {
      link.setAttribute('aria-current', 'page');
    }
  });

  const status = document.getElementById('chat-status');

  // Names the lines the bot itself will give for this locale (the clinic's region unless the locale's country has its
  // own); the general note stays if the service cannot be asked.
  async function showCrisisLines() {
    const response = await fetch('/api/webchat/crisis-line?locale=' + encodeURIComponent(locale));
    if (!response.ok) {
      return;
    }

    const lines = await response.json();
    document.querySelector('[data-i18n="safety"]').textContent = strings.safetyLines
      .replace('{crisisLine}', function () { return lines.crisisLine; })
      .replace('{emergencyLine}', function () { return lines.emergencyLine; });
  }

  // The user id the service gave this browser (random, "dl_"-prefixed, nothing personal), kept so that the bot knows
  // the person again on their next visit. Storage may be off (private mode): the chat then starts as a new person.
  const userIdKey = 'compassionbot.userId';

  function readStoredUserId() {
    try {
      return window.localStorage.getItem(userIdKey);
    } catch (e) {
      return null;
    }
  }

  function storeUserId(userId) {
    try {
      window.localStorage.setItem(userIdKey, userId);
    } catch (e) {
      // Not kept: the next visit starts as a new person.
    }
  }

  // Values of DirectLineJS's ConnectionStatus enum (botframework-directlinejs), which Web Chat reports.
  const ExpiredToken = 3;
  const FailedToConnect = 4;

  async function start() {
    if (!window.WebChat) {
      throw new Error('Web Chat bundle missing');
    }

    const returningUser = readStoredUserId();
    const response = await fetch('/api/webchat/token', {
      method: 'POST',
      headers: { 'x-requested-with': 'XMLHttpRequest', 'content-type': 'application/json' },
      body: JSON.stringify(returningUser ? { user: { id: returningUser } } : {})
    });
    if (!response.ok) {
      throw new Error('Token request failed: ' + response.status);
    }

    const session = await response.json();
    storeUserId(session.userId);
    const directLine = window.WebChat.createDirectLine({
      domain: window.location.origin + '/v3/directline',
      token: session.token,
      webSocket: params.get('transport') !== 'polling',
      pollingInterval: 1000,
      conversationStartProperties: { locale: locale }
    });

    // A token lasts 30 minutes and DirectLineJS renews it while the page is awake; after a longer sleep the service
    // answers 403 and the conversation cannot go on with this page's token, so say so instead of failing silently.
    directLine.connectionStatus$.subscribe(function (connection) {
      if (connection === ExpiredToken) {
        status.textContent = strings.expired;
      } else if (connection === FailedToConnect && status.textContent !== strings.expired) {
        status.textContent = strings.unavailable;
      }
    });

    window.WebChat.renderWebChat({
      directLine: directLine,
      locale: locale,
      sendTypingIndicator: false,
      styleOptions: {
        accent: '#2f6354',
        backgroundColor: '#ffffff',
        bubbleBackground: '#eef3f1',
        bubbleBorderRadius: 12,
        bubbleFromUserBackground: '#dcebe4',
        bubbleFromUserBorderRadius: 12,
        hideUploadButton: true,
        primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
        suggestedActionLayout: 'flow',
        suggestedActionBorderRadius: 16,
        rootHeight: '100%'
      }
    }, document.getElementById('webchat'));
    status.textContent = '';
  }

  showCrisisLines().catch(function () { });
  start().catch(function () {
    status.textContent = strings.unavailable;
  });
})();
