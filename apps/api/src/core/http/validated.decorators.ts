import { Body, Param, Query } from '@nestjs/common';
import { ApiBody, ApiParam, ApiQuery } from '@nestjs/swagger';
import { z } from 'zod';
import { ZodValidationPipe } from './zod-validation.pipe.js';

type JsonSchema = Record<string, unknown> & {
  properties?: Record<string, Record<string, unknown>>;
  required?: string[];
};

/** JSON Schema of a zod schema as the client sends it, for the OpenAPI document. */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema;
  return json;
}

function methodDescriptor(target: object, key: string | symbol | undefined): PropertyDescriptor {
  return Object.getOwnPropertyDescriptor(target, key as string) as PropertyDescriptor;
}

/** Body validated by a protocol schema (400 with field errors otherwise) and documented in OpenAPI. */
export function ValidBody(schema: z.ZodType): ParameterDecorator {
  return (target, key, index) => {
    Body(new ZodValidationPipe(schema))(target, key, index);
    ApiBody({ schema: jsonSchemaOf(schema) as never })(
      target,
      key as string,
      methodDescriptor(target, key),
    );
  };
}

/** Query string validated by a protocol schema; each property is documented as a query parameter. */
export function ValidQuery(schema: z.ZodType): ParameterDecorator {
  return (target, key, index) => {
    Query(new ZodValidationPipe(schema))(target, key, index);
    const json = jsonSchemaOf(schema);
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      ApiQuery({
        name,
        required: json.required?.includes(name) ?? false,
        schema: property as never,
      })(target, key as string, methodDescriptor(target, key));
    }
  };
}

/** Route params validated by a protocol schema (e.g. UUIDs). */
export function ValidParams(schema: z.ZodType): ParameterDecorator {
  return (target, key, index) => {
    Param(new ZodValidationPipe(schema))(target, key, index);
    const json = jsonSchemaOf(schema);
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      ApiParam({ name, required: true, schema: property as never })(
        target,
        key as string,
        methodDescriptor(target, key),
      );
    }
  };
}
