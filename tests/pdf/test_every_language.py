"""Every language prints: questions in Japanese, Greek and Russian, put in the question bank of a copy of the
handbook, are printed on its pocket card with real glyphs, not empty boxes, and read back as typed."""

from tests.conftest import run_build
from tests.helpers import data, replace_once
from tests.pdf.conftest import missing_glyphs, pdf_text, require_fonts

# Each language, and the question the copy asks in it instead of one of the example's.
QUESTIONS = {
    "ja": "この商談で次に何が起きますか？",
    "el": "Τι θα συμβεί στη συνέχεια σε αυτή τη συμφωνία;",
    "ru": "Что произойдёт дальше в этой сделке?",
}
CARD = "coaching-questions-card"


def _print_only_the_card(project, questions: list[str]) -> None:
    """Leave the onboarding pack out of printing (it takes far longer and adds nothing here), and put
    `questions` on the card; done after the build, whose pages link to the pack."""
    printing = project / "data" / "printing.yml"
    text = printing.read_text(encoding="utf-8")
    start, end = text.index("  - id: onboarding-pack\n"), text.index(f"  - id: {CARD}\n")
    card = text[end:]
    card = card[: card.index("    questions:\n")] + "    questions:\n" + "".join(f"      - {question}\n" for question in questions)
    printing.write_text(text[:start] + card, encoding="utf-8")


def _unspaced(text: str) -> str:
    """Without whitespace: pdftotext breaks lines wherever the card wrapped them, mid-sentence in Japanese."""
    return "".join(text.split())


def test_questions_in_japanese_greek_and_russian_print_and_read_back(project, browser):
    from macros.handbook import Project
    from macros.pdf import print_documents

    require_fonts("ja", "el", "ru")  # written out: tests/workflows/test_ci.py reads which fonts tests need
    replaced = data("coaching_questions")["questions"]
    for question, text in zip(replaced, QUESTIONS.values()):
        replace_once(project, "coaching_questions.yml", f'text: "{question["text"]}"', f'text: "{text}"')
    site = project / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    _print_only_the_card(project, [question["id"] for question in replaced[: len(QUESTIONS)]])

    (card,) = print_documents(Project(project), site, site, browser)
    assert missing_glyphs(card) == 0
    printed = _unspaced(pdf_text(card))
    for text in QUESTIONS.values():
        assert _unspaced(text) in printed
