"""Role matching as jobstats(1) and src/role.h document it, written again in
Python for the tests: a title names a role when the role's words follow one
another in it as whole words, any ASCII case, abbreviations read as the
words they stand for on both sides."""
import re

ABBREVIATIONS = {
    "sr": "senior", "snr": "senior", "jr": "junior", "jnr": "junior",
    "ml": "machine learning", "mle": "machine learning engineer",
    "mgr": "manager", "eng": "engineer", "engr": "engineer",
    "swe": "software engineer", "dev": "developer", "assoc": "associate",
    "mgmt": "management", "vp": "vice president",
}


def words(text):
    """Runs of ASCII letters and digits and non-ASCII characters, ASCII
    letters lowercased (non-ASCII compared as they are)."""
    low = "".join(ch.lower() if ch < "\x80" else ch for ch in text)
    return re.findall(r"[a-z0-9\x80-\U0010ffff]+", low)


def role_words(text):
    out = []
    for w in words(text):
        out.extend(ABBREVIATIONS.get(w, w).split())
    return out


def role_matches(role, title):
    r, t = role_words(role), role_words(title or "")
    return bool(r) and any(t[i:i + len(r)] == r for i in range(len(t) - len(r) + 1))
