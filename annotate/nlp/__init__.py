"""Reading the text: the spaCy pipeline, its components, language data and name keys.

The only stage that reads raw article text; everything after it works on the model."""
