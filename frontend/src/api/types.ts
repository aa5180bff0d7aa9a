/** The shapes of the public ArtMint API that the web app reads. Money is wei as decimal strings, read as bigint. */

export interface ClientConfig {
  oidc: { url: string; clientId: string };
  chainId: number | null;
  explorerTxUrl: string | null;
  /** The platform fee the contracts take of each sale, in basis points. */
  platformFeeBps: number;
}

export interface Me {
  id: string;
  handle: string;
  displayName: string;
  roles: string[];
  bio?: string | null;
}

export interface Credits {
  dailyAllowance: number;
  dailyLeft: number;
  granted: number;
  available: number;
  refillsAt: string;
}

export interface ModelDefaults {
  steps: number;
  guidance: number;
  width: number;
  height: number;
  scheduler: string;
}

export interface ModelLimits {
  promptLength: number;
  maxSteps: number;
  minSide: number;
  maxSide: number;
  sideMultiple: number;
  maxCount: number;
  maxGuidance: number;
  schedulers: string[];
}

export interface Model {
  name: string;
  sha256: string;
  isDefault: boolean;
  defaults: ModelDefaults;
  limits: ModelLimits;
}

export type JobStatus = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';

export interface Job {
  id: string;
  status: JobStatus;
  queuePosition: number;
  step: number;
  totalSteps: number;
  count: number;
  model: string;
  prompt: string;
  seed: number;
  attempts: number;
  artworks: string[];
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface GenerationSpec {
  prompt: string;
  negativePrompt?: string;
  seed?: number;
  steps?: number;
  guidance?: number;
  width?: number;
  height?: number;
  count?: number;
  scheduler?: string;
  model?: string;
  initArtworkId?: string;
  strength?: number;
}

export interface Artwork {
  id: string;
  jobId: string;
  imageIndex: number;
  creatorId: string;
  parentId: string | null;
  model: string;
  seed: number;
  width: number;
  height: number;
  imageSha256: string;
  provenanceHash: string;
  published: boolean;
  hidden: boolean;
  /** why an admin hid it; only admins see a hidden artwork, so only they get it */
  hiddenReason?: string | null;
  createdAt: string;
  image: string;
  thumbnail: string;
  prompt?: string;
  negativePrompt?: string | null;
  steps?: number;
  guidance?: number;
  scheduler?: string;
  modelSha256?: string;
  title?: string | null;
  description?: string | null;
  licence?: 'PERSONAL' | 'COMMERCIAL' | null;
  royaltyBps?: number | null;
  tokenId?: string;
  minted?: boolean;
}

export interface ArtworkPage {
  items: Artwork[];
  nextCursor?: string | null;
  total?: number;
}
