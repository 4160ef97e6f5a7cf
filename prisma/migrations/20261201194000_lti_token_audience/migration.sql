-- LTI Advantage (docs/lti-grades.md): the `aud` a platform expects in our client assertion when it
-- is not its token URL (Brightspace names its own); null: the token URL, as IMS Security 4.1 says.
ALTER TABLE "lti_platforms" ADD COLUMN "auth_token_audience" TEXT;
