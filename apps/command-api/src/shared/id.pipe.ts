// The query side checks the same ids: the rule lives in @poc/platform.
export { ApiIdParam, IdPipe } from '@poc/platform/http';
