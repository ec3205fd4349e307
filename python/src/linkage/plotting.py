"""Matplotlib helpers for notebooks."""

from __future__ import annotations

from .errors import LinkageError

_PREFERRED = (
    "Noto Sans CJK KR",
    "Noto Sans KR",
    "Noto Sans CJK JP",
    "Noto Sans CJK SC",
    "NanumGothic",
    "Noto Serif CJK KR",
    "Noto Serif CJK JP",
)


def use_korean_font() -> str:
    """Makes matplotlib draw Korean: finds a CJK font (Debian: fonts-noto-cjk) and returns its name."""
    from matplotlib import font_manager, rcParams

    # matplotlib reads the first face of a .ttc collection, which for Debian's Noto CJK is the JP one;
    # every Noto CJK face carries the full Hangul set, so any of them draws Korean.
    available = {f.name for f in font_manager.fontManager.ttflist}
    for name in _PREFERRED:
        if name in available:
            break
    else:
        candidates = sorted(
            (f for f in font_manager.findSystemFonts() if "CJK" in f or "Nanum" in f),
            key=lambda f: ("Sans" not in f and "Gothic" not in f, f),
        )
        if not candidates:
            raise LinkageError(
                "no Korean font found; install one: apt-get install -y fonts-noto-cjk (then restart the kernel)"
            )
        font_manager.fontManager.addfont(candidates[0])
        name = font_manager.FontProperties(fname=candidates[0]).get_name()
    rcParams["font.family"] = "sans-serif"
    rcParams["font.sans-serif"] = [name, *rcParams["font.sans-serif"]]
    rcParams["axes.unicode_minus"] = False
    return name
