// Queue and job names live in Redis with the jobs themselves. Renaming one strands every job
// already queued under the old name (nobody consumes it any more): add a new name, never rename.
export const QueueName = {
  Submissions: 'submissions',
  WebhookDeliveries: 'webhook-deliveries',
  LtiGradeSyncs: 'lti-grade-syncs',
  LtiRosterSyncs: 'lti-roster-syncs',
} as const;

export const JobName = {
  RunSubmission: 'run-submission',
  DeliverWebhook: 'deliver-webhook',
  SyncLtiGrade: 'sync-lti-grade',
  LtiRosterTick: 'lti-roster-tick',
  SyncLtiRoster: 'sync-lti-roster',
} as const;
