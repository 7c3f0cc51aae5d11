"""The privacy chapter: re-identify an "anonymous" list, then protect it (issue 15).

Modules, each named after what it holds:

* :mod:`etika.privacy.beneficiaries`: the seeded village roster and the NGO's beneficiary list
  drawn from it (the scenario, with its datasheet);
* :mod:`etika.privacy.linkage`: the linkage attack over a grid of generalisations, k-anonymity
  and l-diversity (demo 1);
* :mod:`etika.privacy.noise`: a count released with Laplace noise (calibrated with OpenDP), the
  reader's error against a differencing attack's success (demo 2);
* :mod:`etika.privacy.views`: the ipywidgets and static views of the demos;
* :mod:`etika.privacy.strings`: their interface strings in both languages.

This package's ``__init__`` imports nothing, so :mod:`etika.strings` can read the strings.
"""
