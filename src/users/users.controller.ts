import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Permission } from '../access/permissions';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { RequirePermission } from '../common/decorators/require-permission.decorator';
import { CreateUserDto } from './dto/create-user.dto';
import { ListUsersQueryDto } from './dto/list-users-query.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserResponse } from './dto/user.response';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @RequirePermission(Permission.UsersManage)
  create(@CurrentUser() actor: AuthUser, @Body() dto: CreateUserDto): Promise<UserResponse> {
    return this.users.create(actor, dto);
  }

  @Get()
  @RequirePermission(Permission.UsersManage)
  list(@Query() query: ListUsersQueryDto): Promise<UserResponse[]> {
    return this.users.list(query);
  }

  @Get(':id')
  @RequirePermission(Permission.UsersManage)
  get(@Param('id', ParseUUIDPipe) id: string): Promise<UserResponse> {
    return this.users.get(id);
  }

  @Patch(':id')
  @RequirePermission(Permission.UsersManage)
  update(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateUserDto): Promise<UserResponse> {
    return this.users.update(actor, id, dto);
  }
}
