/* explorer widget: filled in this session. */
