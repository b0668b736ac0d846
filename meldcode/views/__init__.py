"""Views of the meldcode: dossiers (opening, the steps, weighing, melding, closing), few
eyes and inzage (grants, shielding, the PDF), and acuut gevaar with the beheerder's pages."""
