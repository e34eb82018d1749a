// Web Chat's own interface strings where its built-in ones do not fit the bot: its Spanish addresses the person as
// "usted" while the bot writes "tú", so those strings are given in "tú" (Web Chat's overrideLocalizedStrings).
// Only strings that use a register are listed; Web Chat keeps its own for the rest.
window.CompassionBotWebChatStrings = {
  es: {
    ACTIVITY_YOU_SAID_ALT: 'Tú dijiste:',
    ACTIVITY_YOU_ATTACHED_ALT: 'Tú adjuntaste:',
    ACTIVITY_INTERACTIVE_FOOTNOTE_ALT: 'Haz clic para interactuar.',
    CONNECTIVITY_STATUS_ALT_RENDER_ERROR: 'Error de representación. Revisa la consola o escribe al desarrollador del bot.',
    TEXT_INPUT_PLACEHOLDER: 'Escribe tu mensaje',
    TOAST_ACCORDION_FEW: '$1 notificaciones: haz clic aquí para ver más detalles',
    TOAST_ACCORDION_MANY: '$1 notificaciones: haz clic aquí para ver más detalles',
    TOAST_ACCORDION_OTHER: '$1 notificaciones: haz clic aquí para ver más detalles',
    TOAST_ACCORDION_TWO: '$1 notificaciones: haz clic aquí para ver más detalles',
    TRANSCRIPT_ARIA_LABEL_ALT: 'Historial de chats; usa las teclas de dirección para moverte.',
    TRANSCRIPT_LIVE_REGION_INTERACTIVE_LABEL_ALT: 'El mensaje es interactivo. Presiona Mayús + Tab de 2 a 3 veces para ir al historial de chats. Después, haz clic en el mensaje para interactuar.',
    TRANSCRIPT_LIVE_REGION_INTERACTIVE_WITH_LINKS_LABEL_ALT: 'El mensaje tiene uno o varios vínculos. Presiona Mayús + Tab de 2 a 3 veces para ir al historial de chats. Después, haz clic en el mensaje para interactuar.',
    TRANSCRIPT_LIVE_REGION_SUGGESTED_ACTIONS_LABEL_ALT: 'El mensaje tiene acciones sugeridas. Presiona Mayús + Tab de 2 a 3 veces para elegirlas.',
    TRANSCRIPT_LIVE_REGION_SUGGESTED_ACTIONS_WITH_ACCESS_KEY_LABEL_ALT: 'El mensaje tiene acciones sugeridas. Presiona $1 para elegirlas.'
  }
};
