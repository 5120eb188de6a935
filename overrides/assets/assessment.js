/* assessment widget: filled in this session. */
