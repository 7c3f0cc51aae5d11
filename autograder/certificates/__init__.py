"""Certificates a verifier can check offline (issue 18).

- :mod:`.programme`: the programme rule read from the course config (``c.Programme``);
- :mod:`.keys`: the programme's Ed25519 key pair (private key only in the course folder);
- :mod:`.payload`: the signed compact code carried by the QR code and printed on the paper,
  and its verification (the same checks as the site's *Verify a certificate* page);
- :mod:`.register`: the register of issued certificates and the public revocation list;
- :mod:`.issue`: who qualifies, and writing each learner's certificate;
- :mod:`.pdf`, :mod:`.page`: the printable PDF and the HTML page;
- :mod:`.publish`: what the site build publishes (public keys, revocations).
"""
