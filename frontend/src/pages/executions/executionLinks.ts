/** Issue 7: pages about an execution follow it every 3 s while it is active and stop once it has ended. */
export const executionPollMs = 3000;

const id = encodeURIComponent;

export const executionHref = (executionId: string) => `/executions/${id(executionId)}`;

export const recoveryInstancesHref = (executionId: string) => `/executions/${id(executionId)}/recovery-instances`;

export const jobLogHref = (executionId: string, jobId: string) => `/executions/${id(executionId)}/jobs/${id(jobId)}`;
