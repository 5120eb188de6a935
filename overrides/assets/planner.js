/* planner widget: filled in this session. */
