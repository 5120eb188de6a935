/* decision widget: filled in this session. */
