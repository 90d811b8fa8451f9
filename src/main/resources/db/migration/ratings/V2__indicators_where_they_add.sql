-- The rating form asks the level first, as one choice (issue 11, finding 7). The overall satisfaction (整体满意度)
-- is the level itself, no longer a second question; the four other indicators are given only where they add: they
-- may be left out of a good rating, and a bad rating (差评) names at least one of them at 1 or 2 as its reason.
-- Ratings given before keep every indicator; statistics count the level, as before.
alter table ratings.rating alter column efficiency drop not null;
alter table ratings.rating alter column guide_accuracy drop not null;
alter table ratings.rating alter column convenience drop not null;
alter table ratings.rating alter column usability drop not null;
