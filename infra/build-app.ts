import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { PipelineStack } from './pipeline-stack';
import { readSettings } from './settings';

/** Builds the CDK app: the pipeline stack with cdk-nag's AwsSolutions checks as a validation plugin. */
export function buildApp(app = new App()) {
  const stack = new PipelineStack(app, 'ArticlePipeline', {
    description: 'article-pipeline: raw news files -> parse -> tag -> store -> HTTP read API',
    settings: readSettings(app.node),
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}
