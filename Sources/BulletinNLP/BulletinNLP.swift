// Language analysis over plain strings: sentence segmentation, extractive summaries, named entities.
