import { Module } from '@nestjs/common';
import { AdminModule } from '../admin';
import { InsightsController } from './insights.controller';
import { InsightsRepository } from './insights.repository';
import { InsightsService } from './insights.service';

/**
 * Staff statistics over the stored orders. It reads the orders table (never writes it) with SQL
 * aggregates; the staff session guard comes from the admin module.
 */
@Module({
  imports: [AdminModule],
  controllers: [InsightsController],
  providers: [InsightsRepository, InsightsService],
})
export class InsightsModule {}
