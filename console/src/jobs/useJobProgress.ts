import { useEffect, useReducer, useState } from 'react';
import { useAuth } from '../auth/AuthContext';
import { endpoints } from '../api/endpoints';
import type { Job, JobProgress } from '../api/models';
import { followStream, type StreamStatus } from '../api/sse';
import { initialProgress, progressReducer } from './progress';

/** A job's progress: seeded from the loaded job, then live from its Server-Sent Events stream. */
export function useJobProgress(job: Job | undefined) {
  const { api } = useAuth();
  const [state, dispatch] = useReducer(progressReducer, initialProgress);
  const [status, setStatus] = useState<StreamStatus>({ state: 'connecting' });
  const jobId = job?.id;

  useEffect(() => {
    if (job) dispatch({ type: 'loaded', job, at: Date.now() });
  }, [job]);

  useEffect(() => {
    if (!jobId) return undefined;
    return followStream<JobProgress>(api, endpoints.jobStreamPath(jobId), (progress) => dispatch({ type: 'progress', progress }), setStatus);
  }, [api, jobId]);

  return { ...state, status };
}
