"""Numbers and coordinates of the PDFium page source, as pdfminer computes them.

``snap`` takes PDFium's single-precision numbers back to the decimals they were
written with; ``Mapper`` turns PDF user space into pdfplumber's coordinates
(the page's /Rotate and MediaBox origin applied the way pdfminer applies them,
``top``/``bottom`` measured from the top).
"""
from __future__ import annotations

from typing import Callable

# pdfminer's device matrix for each /Rotate value, from the MediaBox (x0, y0, x1, y1)
ROTATIONS: dict[int, Callable] = {
    0: lambda x0, y0, x1, y1: (1, 0, 0, 1, -x0, -y0),
    90: lambda x0, y0, x1, y1: (0, -1, 1, 0, -y0, x1),
    180: lambda x0, y0, x1, y1: (-1, 0, 0, -1, x1, y1),
    270: lambda x0, y0, x1, y1: (0, 1, -1, 0, y1, -x0),
}


def snap(value: float) -> float:
    """A single-precision number from PDFium as the decimal it most likely was (7 digits).

    PDFium computes in single precision: 273.23 comes out as 273.2300109…, 514.5
    as 514.49994…  pdfminer computes in double precision from the numbers as
    written.  Taking PDFium's inputs (origins, sizes, matrices, path points) back
    to 7 significant digits and doing the arithmetic in double precision gives
    the values pdfminer gives, so tests such as ``round(x1)`` or ``a == b``
    fall the same way for both sources.
    """
    return float(f"{value:.7g}")


class Mapper:
    """PDF user space → pdfplumber's coordinates (x from the left, top from the top)."""

    __slots__ = ("a", "b", "c", "d", "e", "f", "height", "dx", "dy")

    def __init__(self, ctm, height: float, dx: float, dy: float):
        self.a, self.b, self.c, self.d, self.e, self.f = ctm
        self.height, self.dx, self.dy = height, dx, dy

    def device(self, x: float, y: float) -> tuple[float, float]:
        """pdfminer's device coordinates (y up) of a point."""
        return self.a * x + self.c * y + self.e, self.b * x + self.d * y + self.f


def multiply(m1, m2):
    """m1 then m2 (row-vector convention, as PDF matrices)."""
    a1, b1, c1, d1, e1, f1 = m1
    a2, b2, c2, d2, e2, f2 = m2
    return (a1 * a2 + b1 * c2, a1 * b2 + b1 * d2, c1 * a2 + d1 * c2, c1 * b2 + d1 * d2,
            e1 * a2 + f1 * c2 + e2, e1 * b2 + f1 * d2 + f2)
