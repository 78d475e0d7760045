"""The Content-Security-Policy never allow-lists a script that sits in the page content."""

from dossier.site.rendering.csp import add_policy, policy

PAGE = (
    "<html><head><script>theme()</script></head><body>"
    "<article>{content}</article><script type='application/json'>{{}}</script></body></html>"
)


def test_theme_scripts_are_hashed_and_content_scripts_are_not() -> None:
    content = "<p>text</p><script>evil()</script>"
    html = PAGE.format(content=content)
    with_content = policy(html, content)
    theme_only = policy(PAGE.format(content=""), "")
    assert with_content == theme_only  # the script inside the content adds no hash
    assert with_content.count("'sha256-") == 1  # theme() only; JSON data blocks never run
    assert "'unsafe-inline'" not in with_content


def test_the_policy_is_the_first_element_of_head() -> None:
    out = add_policy(PAGE.format(content=""))
    assert out.startswith('<html><head><meta http-equiv="Content-Security-Policy" content="default-src \'self\';')
