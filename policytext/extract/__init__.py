"""The extraction stages, each a small module that reads the shared tokens and returns plain
records: :mod:`.entities`, :mod:`.keyphrases`, :mod:`.quotations` (with :mod:`.quote_links` for the
same quotation across articles) and the word lists they share (:mod:`.cues`).

>>> from policytext.extract.entities import entities
>>> [e.kind for e in entities("国务院办公厅印发《意见》")]
['organization', 'document']
"""
