"""Read the evidence files a bundle cites and check them against its register.

`read` turns a file into lines (text layer, Word, or OCR of a scan); `header` finds the number,
the place-and-date line, the issuing body and the title in them; `compare` gives one verdict
per field; `signature` reads a PDF's digital signatures; `run` checks a whole bundle; `binder`
packs what a unit hands the council and checks a received one.
"""
