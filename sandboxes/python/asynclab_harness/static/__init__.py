"""The static witness: what reading the learner's source shows before anything runs."""
