/* Who rated a level result and about which account: the level assessment's record keeps them in its result as
   rated_by ("self": the rep rated their own work; "manager": their manager rated them) and account (text). Read
   defensively, from storage or an imported file, and said the same way wherever a level result appears (the
   result and its exports, the rep's history, the 1:1 planner, the team view). A record from before these were
   asked, or holding anything else in them, reads as "not recorded". */
(function (Playbook) {
  "use strict";

  var RATERS = ["self", "manager"];
  var ACCOUNT_MAX = 100;

  /* {rated_by: "self" | "manager" | null, account: text | null} of a saved result (or of anything). */
  function of(result) {
    var found = result !== null && typeof result === "object" ? result : {};
    var rater = RATERS.indexOf(found.rated_by) !== -1 ? found.rated_by : null;
    var account = typeof found.account === "string" ? found.account.replace(/\s+/g, " ").trim() : "";
    if (account.length > ACCOUNT_MAX) account = account.slice(0, ACCOUNT_MAX) + "\u2026";
    return { rated_by: rater, account: account || null };
  }

  /* "rated by manager, about Acme", "self-rated, account not recorded", "rater and account not recorded". */
  function describe(result) {
    var rating = of(result);
    if (!rating.rated_by && !rating.account) return Playbook.t("level_rating.nothing");
    var rater = !rating.rated_by ? Playbook.t("level_rating.rater_unknown") : rating.rated_by === "self" ? Playbook.t("level_rating.self") : Playbook.t("level_rating.manager");
    return rating.account ? Playbook.t("level_rating.about", { rater: rater, account: rating.account }) : Playbook.t("level_rating.no_account", { rater: rater });
  }

  Playbook.levelRating = { ACCOUNT_MAX: ACCOUNT_MAX, of: of, describe: describe };
})((window.Playbook = window.Playbook || { widgets: [] }));
