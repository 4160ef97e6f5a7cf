-- LTI 1.3 (issue 14, docs/lti.md): the platforms (LMS registrations) of an organisation, their
-- deployments, our own signing keys, the OIDC login states, and how a platform's users, course
-- contexts and resource links map to our users, cohorts and cohort assignments.

CREATE TABLE "lti_platforms" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "client_id" TEXT NOT NULL,
    "auth_login_url" TEXT NOT NULL,
    "auth_token_url" TEXT NOT NULL,
    "jwks_url" TEXT NOT NULL,
    "registered_via" TEXT NOT NULL DEFAULT 'manual',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "lti_platforms_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "lti_platforms_issuer_client_id_key" ON "lti_platforms"("issuer", "client_id");
CREATE INDEX "lti_platforms_organization_id_idx" ON "lti_platforms"("organization_id");
ALTER TABLE "lti_platforms" ADD CONSTRAINT "lti_platforms_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "lti_deployments" (
    "id" UUID NOT NULL,
    "platform_id" UUID NOT NULL,
    "deployment_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "lti_deployments_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "lti_deployments_platform_id_deployment_id_key" ON "lti_deployments"("platform_id", "deployment_id");
ALTER TABLE "lti_deployments" ADD CONSTRAINT "lti_deployments_platform_id_fkey" FOREIGN KEY ("platform_id") REFERENCES "lti_platforms"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "lti_keys" (
    "kid" TEXT NOT NULL,
    "public_jwk" JSONB NOT NULL,
    "private_jwk" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "activated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retired_at" TIMESTAMP(3),
    CONSTRAINT "lti_keys_pkey" PRIMARY KEY ("kid")
);
CREATE INDEX "lti_keys_activated_at_idx" ON "lti_keys"("activated_at");

CREATE TABLE "lti_launch_states" (
    "state" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "platform_id" UUID NOT NULL,
    "target_link_uri" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "used_at" TIMESTAMP(3),
    CONSTRAINT "lti_launch_states_pkey" PRIMARY KEY ("state")
);
CREATE UNIQUE INDEX "lti_launch_states_nonce_key" ON "lti_launch_states"("nonce");
CREATE INDEX "lti_launch_states_expires_at_idx" ON "lti_launch_states"("expires_at");
ALTER TABLE "lti_launch_states" ADD CONSTRAINT "lti_launch_states_platform_id_fkey" FOREIGN KEY ("platform_id") REFERENCES "lti_platforms"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "lti_user_links" (
    "platform_id" UUID NOT NULL,
    "subject" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "lti_user_links_pkey" PRIMARY KEY ("platform_id", "subject")
);
CREATE INDEX "lti_user_links_user_id_idx" ON "lti_user_links"("user_id");
ALTER TABLE "lti_user_links" ADD CONSTRAINT "lti_user_links_platform_id_fkey" FOREIGN KEY ("platform_id") REFERENCES "lti_platforms"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "lti_user_links" ADD CONSTRAINT "lti_user_links_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "lti_contexts" (
    "id" UUID NOT NULL,
    "platform_id" UUID NOT NULL,
    "deployment_id" TEXT NOT NULL,
    "context_id" TEXT NOT NULL,
    "cohort_id" UUID NOT NULL,
    "title" TEXT,
    "lineitems_url" TEXT,
    "lineitem_url" TEXT,
    "ags_scopes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "memberships_url" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "lti_contexts_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "lti_contexts_platform_id_deployment_id_context_id_key" ON "lti_contexts"("platform_id", "deployment_id", "context_id");
CREATE UNIQUE INDEX "lti_contexts_cohort_id_key" ON "lti_contexts"("cohort_id");
ALTER TABLE "lti_contexts" ADD CONSTRAINT "lti_contexts_platform_id_fkey" FOREIGN KEY ("platform_id") REFERENCES "lti_platforms"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "lti_contexts" ADD CONSTRAINT "lti_contexts_cohort_id_fkey" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "lti_resource_links" (
    "id" UUID NOT NULL,
    "platform_id" UUID NOT NULL,
    "resource_link_id" TEXT NOT NULL,
    "context_id" UUID NOT NULL,
    "assignment_id" UUID NOT NULL,
    "lineitem_url" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "lti_resource_links_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "lti_resource_links_platform_id_resource_link_id_key" ON "lti_resource_links"("platform_id", "resource_link_id");
CREATE INDEX "lti_resource_links_assignment_id_idx" ON "lti_resource_links"("assignment_id");
ALTER TABLE "lti_resource_links" ADD CONSTRAINT "lti_resource_links_platform_id_fkey" FOREIGN KEY ("platform_id") REFERENCES "lti_platforms"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "lti_resource_links" ADD CONSTRAINT "lti_resource_links_context_id_fkey" FOREIGN KEY ("context_id") REFERENCES "lti_contexts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "lti_resource_links" ADD CONSTRAINT "lti_resource_links_assignment_id_fkey" FOREIGN KEY ("assignment_id") REFERENCES "cohort_assignments"("id") ON DELETE CASCADE ON UPDATE CASCADE;
