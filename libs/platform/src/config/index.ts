// @poc/platform/config: the environment, validated once at start.
export * from './app-config';
