"""Test tables for issue 12 (figures beyond our corpus), one module per pattern row.

Cases that the figures component does not pass yet are marked ``xfail(strict=True)`` with the
reason "issue 12 phase 2": the implementer removes the mark when the case passes (a strict xfail
that passes fails the suite, so a fixed case cannot stay marked).
"""
