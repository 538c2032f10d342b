"""Page preprocessing before OCR: orientation and skew."""
