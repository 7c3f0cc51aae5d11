"""The transparency chapter: why was I refused, what does the model rely on, a model card.

Modules, each named after what it holds:

* :mod:`etika.transparency.lender`: the chapter's lender model (trained without the gender
  column on past officers' decisions) and the other model families it is compared with;
* :mod:`etika.transparency.applicants`: named applicants, their scores, each feature's
  contribution and the counterfactual changes that flip a decision (demo 1);
* :mod:`etika.transparency.global_explain`: permutation importance and partial dependence on
  held-out data, beside each feature's power to predict gender (demo 2);
* :mod:`etika.transparency.model_card`: the lender's model card for three audiences (demo 3);
* :mod:`etika.transparency.views`: the ipywidgets and static views of the three demos;
* :mod:`etika.transparency.strings`: their interface strings in both languages.

This package's ``__init__`` imports nothing, so :mod:`etika.strings` can read the strings.
"""
