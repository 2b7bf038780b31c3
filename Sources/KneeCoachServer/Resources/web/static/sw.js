// KneeCoach's service worker (offline Today and session): installed later.
