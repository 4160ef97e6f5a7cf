-- LTI browser binding (docs/lti.md): the frame a login's platform named for its client-side
-- storage (lti_storage_target), so the launch can read the state back from it.
ALTER TABLE "lti_launch_states" ADD COLUMN "storage_target" TEXT;
